/** The page frame: NL Design System (Utrecht) CSS, skip link, header with navigation, demo banner. */
import type { Child } from 'hono/jsx';
import { t, type Locale } from '../i18n/index.ts';

export interface PageMeta {
  title: string;
  locale: Locale;
  demo: boolean;
  user: { name: string; email: string } | null;
  csrfToken: string | null;
  breadcrumbs?: { href: string; label: string }[];
}

export function Layout(props: PageMeta & { children: Child }) {
  const { locale, user } = props;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Vlecht`}</title>
        <link rel="stylesheet" href="/static/theme.css" />
        <link rel="stylesheet" href="/static/utrecht.css" />
        <link rel="stylesheet" href="/static/vlecht.css" />
      </head>
      <body class="utrecht-document utrecht-document--surface utrecht-root voorbeeld-theme">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">{t(locale, 'app.skipToContent')}</a>
        {props.demo && (
          <div class="utrecht-alert utrecht-alert--warning vlecht-demo-banner" role="region" aria-label={locale === 'nl' ? 'Demo-melding' : 'Demo notice'}>
            <p class="utrecht-paragraph"><strong>Demo.</strong> {t(locale, 'app.demoBanner')}</p>
          </div>
        )}
        <header class="utrecht-page-header vlecht-header">
          <div class="vlecht-header__inner">
            <a class="vlecht-brand" href="/">{t(locale, 'app.name')}</a>
            {user && (
              <nav aria-label={locale === 'nl' ? 'Hoofdmenu' : 'Main menu'}>
                <ul class="vlecht-nav">
                  <li><a class="utrecht-link" href="/samenwerkingen">{t(locale, 'nav.cooperations')}</a></li>
                  <li><a class="utrecht-link" href="/gemeenten">{t(locale, 'nav.municipalities')}</a></li>
                  <li><a class="utrecht-link" href="/audit">{t(locale, 'nav.audit')}</a></li>
                  <li><a class="utrecht-link" href="/tweede-factor">{t(locale, 'nav.secondFactor')}</a></li>
                  <li>
                    <form method="post" action="/afmelden" class="vlecht-inline-form">
                      <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                      <button type="submit" class="utrecht-link-button utrecht-link-button--html-button">{t(locale, 'nav.logout')} ({user.name})</button>
                    </form>
                  </li>
                </ul>
              </nav>
            )}
            {/* Only the header is translated; an English switch would promise an English UI that
                does not exist. The i18n machinery stays; who still has English set gets a way back. */}
            {locale !== 'nl' && <a class="utrecht-link vlecht-lang" href="/taal/nl" lang="nl">{t(locale, 'nav.language')}</a>}
          </div>
        </header>
        <main id="inhoud" class="utrecht-page-content vlecht-main" tabindex={-1}>
          {props.breadcrumbs && props.breadcrumbs.length > 0 && (
            <nav aria-label={locale === 'nl' ? 'Kruimelpad' : 'Breadcrumb'} class="utrecht-breadcrumb-nav vlecht-breadcrumbs">
              <ol>
                {props.breadcrumbs.map((b) => <li><a class="utrecht-link" href={b.href}>{b.label}</a></li>)}
              </ol>
            </nav>
          )}
          {props.children}
        </main>
        <footer class="utrecht-page-footer vlecht-footer">
          <p class="utrecht-paragraph utrecht-paragraph--small">Vlecht · EUPL-1.2 · {t(locale, 'app.tagline')}</p>
        </footer>
      </body>
    </html>
  );
}
