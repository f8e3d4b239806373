import type {
  BackboneLevel,
  EmploymentStatus,
  Page,
  TeacherDetail,
  TeacherListQuery,
  TeacherRow,
  TransferRequest,
} from '@yanxun/contracts';
import { ageOn, fullYearsBetween, maskIdNumber, maskPhone, todayInShanghai } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import type { AuditService } from '../audit';
import type { OrgService } from '../org';
import { ancestorIds, type OrgRepository, regionKeyOf } from '../org';
import type { PeopleRepository, TeacherListRow } from './people.repository';
import { identifierSearchRoots, mayReveal, parseTeacherQuery, REVEAL } from './teacher-identifiers';

function toRow(r: TeacherListRow): TeacherRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as 'M' | 'F',
    birthDate: r.birth_date,
    idNumberMasked: maskIdNumber(r.id_number),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    schoolId: r.school_id,
    schoolName: r.school_name,
    countyName: r.county_name,
    stage: r.stage,
    subject: r.subject,
    title: r.title,
    backbone: r.backbone as BackboneLevel | null,
    teachingStartDate: r.teaching_start_date,
    status: r.status as EmploymentStatus,
  };
}

export function createPeopleService(deps: {
  db: Database;
  repo: PeopleRepository;
  orgRepo: OrgRepository;
  orgs: OrgService;
  audit: AuditService;
  clock?: () => Date;
}) {
  const { db, repo, orgRepo, orgs, audit } = deps;
  const now = deps.clock ?? (() => new Date());

  async function loadVisible(actor: Actor, id: string): Promise<TeacherListRow> {
    if (!isId(id)) throw notFound('教师');
    const t = await repo.findById(id);
    const mayRead =
      t && (can(actor, 'teacher.read', t.org_path) || (actor.teacherId !== null && actor.teacherId === t.id));
    if (!t || !mayRead) throw notFound('教师');
    return t;
  }

  return {
    async list(actor: Actor, query: TeacherListQuery): Promise<Page<TeacherRow>> {
      const scope = requirePermission(actor, 'teacher.read');
      let roots = scope;
      if (query.orgId) {
        const node = await orgs.loadVisible(actor, query.orgId);
        requirePermission(actor, 'teacher.read', node.path);
        roots = [node.path];
      }
      const term = parseTeacherQuery(query.q, todayInShanghai(now()));
      const byIdentifier = term?.kind === 'idNumber' || term?.kind === 'phone';
      if (byIdentifier) roots = identifierSearchRoots(actor, roots);
      if (roots.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const { rows, total } = await repo.list({
        roots,
        query: term,
        stage: query.stage,
        subject: query.subject,
        title: query.title,
        backbone: query.backbone,
        status: query.status,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      if (byIdentifier) {
        // who found which teacher by a full number: the same trail as a reveal
        for (const r of rows) {
          await audit.record(actor, {
            action: term?.kind === 'idNumber' ? 'teacher.found_by_id_number' : 'teacher.found_by_phone',
            entity: 'teacher',
            entityId: r.id,
            orgId: r.school_id,
          });
        }
      }
      return { items: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
    },

    async detail(actor: Actor, id: string): Promise<TeacherDetail> {
      const t = await loadVisible(actor, id);
      const today = todayInShanghai(now());
      const [postings, ancestors] = await Promise.all([
        repo.postingsOf(t.id),
        orgRepo.findByIds(ancestorIds(t.org_path)),
      ]);
      const reveal = mayReveal(actor, t.org_path);
      return {
        ...toRow(t),
        rolesHeld: t.roles_held,
        age: ageOn(t.birth_date, today),
        teachingYears: t.teaching_start_date ? fullYearsBetween(t.teaching_start_date, today) : null,
        trainingYears:
          t.training_start_year !== null ? Number(today.slice(0, 4)) - t.training_start_year : null,
        postings: postings.map((p) => ({
          schoolId: p.school_id,
          schoolName: p.school_name,
          fromDate: p.from_date,
          toDate: p.to_date,
          reason: p.reason,
        })),
        ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
        canRevealIdNumber: reveal,
        canRevealPhone: reveal && t.phone !== null,
      };
    },

    /** The full ID number, for roles allowed to see it; every call is written to the audit log. */
    async revealIdNumber(actor: Actor, id: string): Promise<{ idNumber: string }> {
      const t = await loadVisible(actor, id);
      requirePermission(actor, REVEAL, t.org_path);
      await audit.record(actor, {
        action: 'teacher.id_number_read',
        entity: 'teacher',
        entityId: t.id,
        orgId: t.school_id,
      });
      return { idNumber: t.id_number };
    },

    /** The full phone number, under the same permission as the ID number; every call is audited. */
    async revealPhone(actor: Actor, id: string): Promise<{ phone: string | null }> {
      const t = await loadVisible(actor, id);
      requirePermission(actor, REVEAL, t.org_path);
      if (t.phone !== null) {
        await audit.record(actor, {
          action: 'teacher.phone_read',
          entity: 'teacher',
          entityId: t.id,
          orgId: t.school_id,
        });
      }
      return { phone: t.phone };
    },

    async transfer(actor: Actor, id: string, req: TransferRequest): Promise<TeacherDetail> {
      const t = await loadVisible(actor, id);
      requirePermission(actor, 'teacher.write', t.org_path);
      const target = await orgs.loadVisible(actor, req.schoolId);
      if (target.kind !== 'school' && target.kind !== 'tdc') {
        throw new AppError('VALIDATION_FAILED', '调入单位必须是学校或教师发展中心', { field: 'schoolId' });
      }
      requirePermission(actor, 'teacher.write', target.path);
      if (target.id === t.school_id) {
        throw new AppError('CONFLICT', '该教师已在此学校任职', { field: 'schoolId' });
      }
      const postings = await repo.postingsOf(t.id);
      const open = postings.find((p) => p.to_date === null);
      if (open && req.date < open.from_date) {
        throw new AppError('VALIDATION_FAILED', `调动日期不能早于当前任职起始日期 ${open.from_date}`, {
          field: 'date',
        });
      }
      const countyId = regionKeyOf(target);
      await db.transaction().execute(async (trx) => {
        await repo.moveTeachers(
          [
            {
              id: t.id,
              fromCountyId: t.county_id,
              toCountyId: countyId,
              schoolId: target.id,
              orgPath: target.path,
            },
          ],
          req.date,
          req.reason ?? '调动',
          actor.accountId,
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'teacher.transfer',
            entity: 'teacher',
            entityId: t.id,
            orgId: target.id,
            details: {
              fromSchoolId: t.school_id,
              toSchoolId: target.id,
              date: req.date,
              reason: req.reason ?? null,
            },
          },
          trx,
        );
      });
      return this.detail(actor, id);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
