import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, publicOrigin, rfc5987, sendFile } from '../../../shared/http';
import type { OutcomesService } from '../outcomes.service';

const teacherParams = z.object({ id: z.string().max(20), teacherId: z.string().max(20) });
const classParams = z.object({ id: z.string().max(20) });
const tags = ['outcomes'];

/** The certificate as HTML and PDF. */
export function certificatesRoutes(outcomes: OutcomesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/classes/:id/completion/:teacherId/certificate',
      {
        schema: {
          tags,
          summary: '结业证书（可打印网页）Certificate (printable HTML)',
          params: teacherParams,
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(
            await outcomes.certificate(actorOf(req), req.params.id, req.params.teacherId, publicOrigin(req)),
          ),
    );
    app.get(
      '/classes/:id/completion/:teacherId/certificate.pdf',
      { schema: { tags, summary: '结业证书 PDF Certificate (PDF, Noto Sans SC)', params: teacherParams } },
      async (req, reply) => {
        const f = await outcomes.certificatePdf(
          actorOf(req),
          req.params.id,
          req.params.teacherId,
          publicOrigin(req),
        );
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
    app.get(
      '/classes/:id/certificates.zip',
      {
        schema: {
          tags,
          summary: '批量出具结业证书（zip，每位结业学员一份 PDF）All certificates of a class as a zip',
          params: classParams,
        },
      },
      async (req, reply) => {
        const z = await outcomes.certificatesZip(actorOf(req), req.params.id, publicOrigin(req));
        const ascii = z.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=${rfc5987(z.name)}`)
          .header('x-certificate-count', String(z.count))
          .send(z.stream);
      },
    );
  };
}
