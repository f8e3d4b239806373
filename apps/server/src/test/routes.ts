/**
 * Requests the route tests send again and again: any request as a signed-in user (and the error body it answers);
 * an import upload, its job, its commit; an exam and its score files. The request builders return the response
 * and assert nothing; the helpers that wait for a job say in their comment which status they expect.
 */
import type { ImportJob } from '@yanxun/contracts';
import { expect } from 'vitest';
import type { Session, TestApp } from './factories';
import { multipartFiles } from './fixtures/exam-files';
import { multipart } from './fixtures/import-files';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Requests to /api/v1 as one of `sessions` (by name), or anonymous when no name is given; a payload, when given,
 * is sent as JSON. `t` is read at each request, so the client can be made before the app is built.
 */
export function apiClient(t: () => TestApp, sessions: Record<string, Session>) {
  const req = (method: Method, url: string, who?: string, payload?: unknown) =>
    t().app.inject({
      method,
      url: `/api/v1${url}`,
      ...(who ? { headers: sessions[who]?.headers } : {}),
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  return { req };
}

/** An error body as a client compares it: everything but the request id (throws when the body has no error). */
export const errorOf = (r: { json: () => unknown }) => {
  const { requestId: _, ...rest } = (r.json() as { error: Record<string, unknown> }).error;
  return rest;
};

/** POST /api/v1/imports: field `kind`, then one file. Without a session, the request is anonymous. */
export function postImport(t: TestApp, session: Session | null, kind: string, name: string, body: Buffer) {
  const { payload, contentType } = multipart({ kind }, { name, body });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...(session?.headers ?? {}), 'content-type': contentType },
    payload,
  });
}

/** GET /api/v1/imports/:id */
export function getImport(t: TestApp, session: Session, id: string) {
  return t.app.inject({ url: `/api/v1/imports/${id}`, headers: session.headers });
}

/** POST /api/v1/imports/:id/commit */
export function postImportCommit(t: TestApp, session: Session, id: string, mode: 'all' | 'valid') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/commit`,
    headers: session.headers,
    payload: { mode },
  });
}

/** The job as the status route shows it; expects 200. */
export async function importJob(t: TestApp, session: Session, id: string): Promise<ImportJob> {
  const res = await getImport(t, session, id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportJob;
}

/** Waits for the job's current phase, then the job as the status route shows it (its status not checked). */
export async function settledImport(t: TestApp, session: Session, id: string): Promise<ImportJob> {
  await t.services.imports.waitFor(id);
  return (await getImport(t, session, id)).json() as ImportJob;
}

/** Upload (expects 202), wait for the dry run, and the job as the status route shows it (expects 200). */
export async function dryRun(
  t: TestApp,
  session: Session,
  kind: string,
  name: string,
  body: Buffer,
): Promise<ImportJob> {
  const res = await postImport(t, session, kind, name, body);
  expect(res.statusCode, res.body).toBe(202);
  const { id } = res.json() as ImportJob;
  await t.services.imports.waitFor(id);
  return importJob(t, session, id);
}

/** Commit (expects 202), wait for it, and the job as the status route shows it (expects 200). */
export async function commitImport(
  t: TestApp,
  session: Session,
  id: string,
  mode: 'all' | 'valid',
): Promise<ImportJob> {
  const res = await postImportCommit(t, session, id, mode);
  expect(res.statusCode, res.body).toBe(202);
  await t.services.imports.waitFor(id);
  return importJob(t, session, id);
}

/** POST /api/v1/exams: a routine junior maths exam of `ownerOrgId`, with `fields` changed. */
export function postExam(t: TestApp, session: Session, ownerOrgId: string, fields: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/exams',
    headers: session.headers,
    payload: {
      name: '规则测试',
      semester: '2026-2027-1',
      stage: 'junior',
      subject: 'math',
      grade: '七年级',
      fullMarks: 100,
      kind: 'routine',
      ownerOrgId,
      ...fields,
    },
  });
}

/** POST /api/v1/exams/:id/uploads: the score files (scores, items, prior …) as multipart. */
export function postExamFiles(
  t: TestApp,
  session: Session,
  examId: string,
  files: Record<string, { name: string; body: Buffer | string }>,
) {
  const { payload, contentType } = multipartFiles(files);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/exams/${examId}/uploads`,
    headers: { ...session.headers, 'content-type': contentType },
    payload,
  });
}
