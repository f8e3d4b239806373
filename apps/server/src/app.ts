import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { CSRF_HEADER, SESSION_COOKIE, settingsSchema } from '@yanxun/contracts';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { archiveRoutes } from './modules/archive';
import { auditRoutes } from './modules/audit';
import { authRoutes } from './modules/auth';
import { classesRoutes } from './modules/classes';
import { communitiesRoutes } from './modules/communities';
import { evaluationRoutes } from './modules/evaluation';
import { examReleaseRoutes, examsRoutes } from './modules/exams';
import { homeRoutes } from './modules/home';
// outcomes and completion
import {
  documentsRoutes,
  externalHoursRoutes,
  hourClaimsRoutes,
  hoursComplianceRoutes,
  hoursRoutes,
  verifyRoutes,
} from './modules/hours';
import { importRoutes } from './modules/imports/imports.routes';
import { notificationsRoutes } from './modules/notifications';
import { orgRoutes } from './modules/org/org.routes';
import { outcomesRoutes } from './modules/outcomes';
import { peopleRoutes } from './modules/people/people.routes';
import { plansRoutes } from './modules/plans';
import { programsRoutes } from './modules/programs';
// KPIs and reports
import { reportsRoutes } from './modules/reports';
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
import { shortlistsRoutes } from './modules/shortlists';
// ---- the trainer pool (培训者团队, R3-P*) ----
import { trainersRoutes } from './modules/trainers';
import type { Services } from './services';
import { AppError } from './shared/app-error';
import './shared/http';
import { DEFAULT_PUBLIC_URL } from './config';
import { fiveEduRoutes } from './modules/five-education';
import { pairingsRoutes } from './modules/pairings';
import { schoolResearchRoutes } from './modules/school-research';
import {
  errorBody,
  handleClientError,
  JSON_BODY_LIMIT,
  MAX_PARAM_LENGTH,
  MULTIPART_LIMITS,
  refusalOf,
  sendFrameworkError,
} from './shared/http-errors';
import { refuseNul } from './shared/nul-guard';
import { RequestLog } from './shared/request-log';
import { timeZone } from './shared/time';

export interface AppOptions {
  services: Services;
  cookieSecure?: boolean;
  maxUploadBytes?: number;
  logLevel?: string;
  /** where log lines go (default stdout); tests read them */
  logStream?: { write(line: string): void };
  webDist?: string | undefined;
  /**
   * Whom to believe about the client's address (TRUST_PROXY, Fastify's `trustProxy`): `req.ip` — used by the
   * audit log and every throttle — is the X-Forwarded-For client only behind a trusted proxy. Default false.
   */
  trustProxy?: boolean | string[];
  /** PUBLIC_URL: the address printed in issued documents' QR codes; unset: DEFAULT_PUBLIC_URL, never a Host */
  publicUrl?: string;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the Fastify app (no listen): plugins, session + CSRF hooks, routes and the one error handler. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const limits = { maxUploadBytes: opts.maxUploadBytes ?? 30 * 1024 * 1024 };
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    // one line per request at info, its details at debug (shared/request-log.ts)
    logController: new RequestLog(),
    genReqId: () => crypto.randomUUID(),
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // what Node's parser refuses (headers or URL over http.maxHeaderSize, timeouts) and Fastify's router
    // refusals (bad URL encoding, a parameter too long) answer in the app's error shape too
    clientErrorHandler: handleClientError,
    frameworkErrors: (err, req, reply) => sendFrameworkError(err, req.id, reply as FastifyReply, limits),
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('publicUrl', opts.publicUrl ?? DEFAULT_PUBLIC_URL);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // the API takes JSON or multipart only: other bodies are 415, not a string handed to the schema
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, { contentSecurityPolicy: false });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: limits.maxUploadBytes, ...MULTIPART_LIMITS },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Yanxun 研训 API',
        version: '1.0.0',
        description: '教师发展与教学质量监测平台 REST API',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  // Behind a proxy that TRUST_PROXY does not name, every client has the proxy's address: say so once.
  let proxyWarned = !!opts.trustProxy;
  // Session: resolve the cookie on every API request; CSRF: a mutating request must echo the session's token.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    if (!proxyWarned && req.headers['x-forwarded-for'] !== undefined) {
      proxyWarned = true;
      req.log.warn(
        "X-Forwarded-For received but TRUST_PROXY is not set: client addresses (audit, login and parent-page limits) are the proxy's",
      );
    }
    const token = req.cookies[SESSION_COOKIE];
    const isLogin = req.url.startsWith('/api/v1/auth/login');
    if (token && !isLogin) {
      try {
        const s = await services.auth.authenticate(token, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: req.id,
        });
        req.actor = s.actor;
        req.sessionToken = token;
        req.csrfToken = s.csrfToken;
        req.mustChangePassword = s.mustChangePassword;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // an expired or unknown session: say so on protected routes
        if (err.code === 'SESSION_EXPIRED') throw err;
      }
    }
    if (MUTATING.has(req.method) && !isLogin && req.actor) {
      if (req.headers[CSRF_HEADER] !== req.csrfToken) {
        throw new AppError('CSRF_FAILED', '请求校验失败（CSRF），请刷新页面后重试');
      }
    }
  });

  // a NUL in any parameter, query value or JSON string: 400 before the route (PostgreSQL cannot store it)
  app.addHook('preValidation', async (req) => {
    if (req.url.startsWith('/api/')) refuseNul(req);
  });

  app.setErrorHandler((err, req, reply) => {
    const r = refusalOf(err, req, limits);
    if (r) {
      // a throttled answer says when to come back (details.retryAfterSeconds, set by the throttles)
      const retry = (r.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retry === 'number') reply.header('retry-after', String(retry));
      return reply.code(r.status).send(errorBody(r, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .code(500)
      .send(errorBody({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }, req.id));
  });

  // liveness: answered from the event loop alone (no database), so a probe sees at once whether the process
  // still serves requests
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  // what every page needs before it shows a date, signed in or not (the public and parents' pages too)
  app.get(
    '/api/v1/settings',
    { schema: { tags: ['settings'], response: { 200: settingsSchema } } },
    async () => ({ timeZone: timeZone() }),
  );

  // the upload reading threads stop with the app
  app.addHook('onClose', async () => {
    await services.sheets.close();
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !opts.webDist) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', requestId: req.id } });
    }
    return reply.sendFile('index.html');
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes(services.auth, { cookieSecure: opts.cookieSecure ?? false }));
      await api.register(orgRoutes(services.orgs));
      await api.register(peopleRoutes(services.people, services.codes));
      await api.register(importRoutes(services.imports));
      await api.register(auditRoutes(services.audit));
      await api.register(programsRoutes(services.programs));
      // plans
      await api.register(plansRoutes(services.plans, services.files));
      await api.register(classesRoutes(services.classes));
      await api.register(notificationsRoutes(services.notifications));
      await api.register(homeRoutes(services.home));
      // KPIs and reports
      await api.register(reportsRoutes(services.reports));
      // outcomes and completion
      await api.register(outcomesRoutes(services.outcomes, services.files));
      await api.register(hoursRoutes(services.hours));
      await api.register(hourClaimsRoutes(services.hourClaims));
      await api.register(hoursComplianceRoutes(services.hoursCompliance));
      await api.register(externalHoursRoutes(services.hoursExternal));
      await api.register(documentsRoutes(services.hours));
      // the teacher's growth archive (R3-T09)
      await api.register(archiveRoutes(services.archive));
      // the public verification of transcripts and certificates (no sign-in)
      await api.register(verifyRoutes(services.hours));
      // exams
      await api.register(examsRoutes(services.exams));
      // ---- parents and the public ----
      await api.register(examReleaseRoutes(services.examRelease));
      // ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
      await api.register(shortlistsRoutes(services.shortlists));
      // ---- the trainer pool (培训者团队, R3-P*) ----
      await api.register(trainersRoutes(services.trainers));
      // studios and workshops (工作室, 工作坊)
      await api.register(communitiesRoutes(services.communities));
      // ---- 校本研修 (school-based research) ----
      await api.register(schoolResearchRoutes(services.schoolResearch));
      await api.register(pairingsRoutes(services.pairings));
      await api.register(fiveEduRoutes(services.fiveEducation));
      // ---- evaluation (评价) ----
      await api.register(evaluationRoutes(services.evaluation));
    },
    { prefix: '/api/v1' },
  );

  if (opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false });
  }
  return app;
}
