/**
 * A teacher's growth archive (教师成长档案, R3-T09): the teacher themself, or staff the people module lets read the
 * teacher (out of scope reads exactly like an unknown id), get one account of what Yanxun holds — programmes from
 * nomination to completion, 学时 by school year and category as the ledger evaluates them, outcomes and their
 * review, certificates and issued documents with their codes, integrity records, posts held — and, from the
 * growth records port, what the studios and evaluation modules will add. No full ID number or phone.
 */
import {
  type ArchiveCertificate,
  type ArchiveDocument,
  type ArchiveIntegrity,
  type ArchiveOutcome,
  type ArchiveProgramme,
  type IntegrityRecordBody,
  type IssuedDocument,
  type MyTrainingItem,
  programLevelSchema,
  type TeacherArchive,
} from '@yanxun/contracts';
import { maskIdTail } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { forbidden, notFound } from '../../shared/app-error';
import { dateOf } from '../../shared/time';
import type { TeacherNomination } from '../programs';
import type { ArchiveContext } from './context';

export const ARCHIVE_RULE = 'R3-T09';

/** Programmes: every class the teacher was enrolled in, then every programme nominated to without a class. */
export function programmesOf(
  training: MyTrainingItem[],
  nominations: TeacherNomination[],
): ArchiveProgramme[] {
  // nominations come newest first: the first of a programme is its latest
  const latest = new Map<string, TeacherNomination>();
  for (const n of nominations) if (!latest.has(n.programmeId)) latest.set(n.programmeId, n);
  const level = (n: TeacherNomination | undefined) => programLevelSchema.safeParse(n?.level).data ?? null;
  const enrolled: ArchiveProgramme[] = training.map((c) => {
    const n = latest.get(c.programmeId);
    return {
      programmeId: c.programmeId,
      programmeTitle: c.programmeTitle,
      year: n?.year ?? null,
      level: level(n),
      nomination: n?.status ?? null,
      nominatedAt: n?.nominatedAt ?? null,
      classId: c.classId,
      className: c.className,
      startDate: c.startDate,
      endDate: c.endDate,
      attendance: c.attendance,
      completion: c.completion && {
        completed: c.completion.completed,
        attendancePct: c.completion.attendancePct,
        hoursTenths: c.completion.hoursTenths,
        evaluatedAt: c.completion.evaluatedAt,
      },
    };
  });
  const withClass = new Set(training.map((c) => c.programmeId));
  const nominatedOnly: ArchiveProgramme[] = [...latest.values()]
    .filter((n) => !withClass.has(n.programmeId))
    .map((n) => ({
      programmeId: n.programmeId,
      programmeTitle: n.programmeTitle,
      year: n.year,
      level: level(n),
      nomination: n.status,
      nominatedAt: n.nominatedAt,
      classId: null,
      className: null,
      startDate: n.startDate,
      endDate: n.endDate,
      attendance: null,
      completion: null,
    }));
  return [...enrolled, ...nominatedOnly].sort(
    (a, b) => b.startDate.localeCompare(a.startDate) || a.programmeTitle.localeCompare(b.programmeTitle),
  );
}

/** The latest version of every outcome handed in, with its review. */
export function outcomesOf(training: MyTrainingItem[]): ArchiveOutcome[] {
  return training.flatMap((c) =>
    c.requirements.flatMap((r) =>
      r.current
        ? [
            {
              programmeTitle: c.programmeTitle,
              className: c.className,
              label: r.current.label,
              version: r.current.version,
              status: r.current.status,
              score: r.current.score,
              submittedAt: r.current.submittedAt,
              reviewedAt: r.current.reviewedAt,
            },
          ]
        : [],
    ),
  );
}

/** Certificates with their standing verification code (a certificate has one once it was first printed). */
export function certificatesOf(training: MyTrainingItem[], docs: IssuedDocument[]): ArchiveCertificate[] {
  return training.flatMap((c) => {
    const cert = c.completion?.certificate;
    if (!cert) return [];
    const code = docs.find((d) => d.kind === 'certificate' && d.certificateNo === cert.certificateNo);
    return [
      {
        certificateNo: cert.certificateNo,
        programmeTitle: c.programmeTitle,
        issuedAt: cert.issuedAt,
        revoked: cert.revoked,
        verificationCode: code?.code ?? null,
      },
    ];
  });
}

/** The 学时证明 issued (certificates are listed with their certificate). */
export function documentsOf(docs: IssuedDocument[]): ArchiveDocument[] {
  return docs
    .filter((d) => d.kind === 'transcript')
    .map((d) => ({
      code: d.code,
      kind: d.kind,
      title: d.title,
      hoursTenths: d.hoursTenths,
      issuer: d.issuer,
      issuedOn: d.issuedOn,
      revokedAt: d.revokedAt,
    }));
}

/** Integrity records, with the programme's title where the teacher's record names it. Evidence stays out. */
export function integrityOf(records: IntegrityRecordBody[], titles: Map<string, string>): ArchiveIntegrity[] {
  return records.map((r) => ({
    id: r.id,
    kind: r.kind,
    recordDate: r.recordDate,
    programmeTitle: r.programmeId ? (titles.get(r.programmeId) ?? null) : null,
    standing: r.standing,
    barEndsOn: r.barEndsOn,
    appealStatus: r.appeal.status,
    standingReason: r.standingReason,
  }));
}

/** The archive of a teacher the actor may read; out of scope or unknown: not found (the people module decides). */
export async function teacherArchive(
  ctx: ArchiveContext,
  actor: Actor,
  teacherId: string,
): Promise<TeacherArchive> {
  return (await loadArchive(ctx, actor, teacherId)).archive;
}

/** The archive and the teacher's school (the org an export is audited under). */
export async function loadArchive(
  ctx: ArchiveContext,
  actor: Actor,
  teacherId: string,
): Promise<{ archive: TeacherArchive; schoolId: string }> {
  const t = await ctx.people.detail(actor, teacherId);
  const [card, nominations, integrity, training, hours, docs, growth] = await Promise.all([
    ctx.people.cardOf(t.id),
    ctx.programs.nominationsOf(t.id),
    ctx.programs.integrityOf(t.id),
    ctx.training.trainingOf(t.id),
    ctx.hours.hoursOf(t.id),
    ctx.hours.issuedDocumentsOf(t.id),
    ctx.growth.recordsOf(t.id),
  ]);
  if (!card) throw notFound('教师');
  const titles = new Map<string, string>();
  for (const n of nominations) titles.set(n.programmeId, n.programmeTitle);
  for (const c of training) titles.set(c.programmeId, c.programmeTitle);
  const archive: TeacherArchive = {
    asOf: dateOf(ctx.now()),
    teacher: {
      id: t.id,
      name: t.name,
      schoolName: t.schoolName,
      countyName: t.countyName,
      // the last four (as the 学时证明 prints them) for the teacher and for a role that may reveal the number; for
      // anyone else the list's mask, since the birth date they can read gives the number back with the last four
      idMasked: actor.teacherId === t.id || t.canRevealIdNumber ? maskIdTail(card.idTail) : t.idNumberMasked,
      stage: t.stage,
      subject: t.subject,
      title: t.title,
      backbone: t.backbone,
      teachingYears: t.teachingYears,
    },
    rolesHeld: t.rolesHeld,
    postings: [...t.postings].sort((a, b) => b.fromDate.localeCompare(a.fromDate)),
    programmes: programmesOf(training, nominations),
    hours: { totalTenths: hours.totalTenths, standing: hours.standing },
    outcomes: outcomesOf(training),
    certificates: certificatesOf(training, docs),
    documents: documentsOf(docs),
    integrity: integrityOf(integrity, titles),
    studioRoles: growth.studioRoles,
    trainerRoles: growth.trainerRoles,
    honours: growth.honours,
    evaluations: growth.evaluations,
  };
  return { archive, schoolId: t.schoolId };
}

/** The signed-in teacher's own archive. */
export async function myArchive(ctx: ArchiveContext, actor: Actor): Promise<TeacherArchive> {
  if (!actor.teacherId) throw forbidden('只有教师本人可以查看自己的成长档案');
  return teacherArchive(ctx, actor, actor.teacherId);
}
