import { changePasswordSchema, loginRequestSchema, meSchema, SESSION_COOKIE } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { AuthService } from './auth.service';

export function authRoutes(auth: AuthService, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录 Log in',
          body: loginRequestSchema,
          response: { 200: meSchema },
        },
        config: { public: true },
      },
      async (req, reply) => {
        const { token, me } = await auth.login(req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: req.id,
        });
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: opts.cookieSecure,
          path: '/',
        });
        return me;
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出 Log out', response: { 204: z.null() } } },
      async (req, reply) => {
        if (req.sessionToken) await auth.logout(req.sessionToken, req.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: meSchema } } },
      async (req) => auth.me(actorOf(req), req.csrfToken ?? '', req.mustChangePassword),
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码 Change password',
          body: changePasswordSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await auth.changePassword(
          actorOf(req),
          req.sessionToken ?? '',
          req.body.oldPassword,
          req.body.newPassword,
        );
        return reply.code(204).send(null);
      },
    );
  };
}
