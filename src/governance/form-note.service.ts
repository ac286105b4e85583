/**
 * The catalogue of forms of cooperation with the cooperation's current form highlighted
 * (the register's legal form) and its own notes per form: pros, cons, personnel and
 * financial consequences (stored, editable with If-Match, audited).
 */
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import { formNoteInput } from './schema.ts';
import { formNotesOf, insertFormNote, updateFormNoteRow, type FormNoteRow } from './queries.ts';
import { ASPECTS, COOPERATION_FORMS, type CooperationForm } from './forms.ts';
import { govContext, mayManage } from './access.service.ts';

export interface FormNoteView { formKey: string; pros: string; cons: string; personnel: string; financial: string; version: number }
const presentNote = (n: FormNoteRow): FormNoteView => ({ formKey: n.formKey, pros: n.pros, cons: n.cons, personnel: n.personnel, financial: n.financial, version: n.version });
const emptyNote = (formKey: string): FormNoteView => ({ formKey, pros: '', cons: '', personnel: '', financial: '', version: 0 });

export async function formsCatalogue(ctx: Ctx, slug: string) {
  const { coop, scope } = await govContext(ctx, slug);
  const notes = await formNotesOf(ctx.db, coop.cooperation.id);
  const c = coop.cooperation;
  return {
    cooperation: { id: c.id, slug: c.slug, name: c.name, legalForm: c.legalForm },
    aspects: ASPECTS,
    forms: COOPERATION_FORMS.map((f: CooperationForm) => ({
      ...f, current: f.key === c.legalForm,
      note: ((n) => (n ? presentNote(n) : emptyNote(f.key)))(notes.find((n) => n.formKey === f.key)),
    })),
    may: { manage: mayManage(ctx.actor, scope) },
  };
}

/** Saves the notes of one form; the first save needs version 0 (or none), later ones the current version. */
export async function saveFormNote(ctx: Ctx, slug: string, expectedVersion: number | undefined, input: unknown): Promise<FormNoteView> {
  const data = parseInput(formNoteInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'samenwerkingsvorm.notitie', objectType: 'samenwerkingsvorm', objectId: data.formKey };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const current = (await formNotesOf(tx, coop.cooperation.id)).find((n) => n.formKey === data.formKey);
    if (!current) {
      if (expectedVersion !== undefined && expectedVersion !== 0) throw new VlechtError('PRECONDITION_FAILED', { current: 0, expected: expectedVersion });
      const row = presentNote(await insertFormNote(tx, { cooperationId: coop.cooperation.id, ...data }));
      return { value: row, audit: { ...attempt, newValue: row } };
    }
    checkVersion(current.version, expectedVersion);
    const row = await updateFormNoteRow(tx, current.id, current.version, { ...data, version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: presentNote(row), audit: { ...attempt, oldValue: presentNote(current), newValue: presentNote(row) } };
  });
}
