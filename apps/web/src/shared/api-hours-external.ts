/** 学时 records of other platforms: upload and dry run, commit, the review queue; the xAPI platforms. */
import {
  type CreateXapiPlatformRequest,
  type ExternalBatch,
  type ExternalCommit,
  type ExternalQueueItem,
  type ExternalSystem,
  externalBatchSchema,
  externalCommitSchema,
  externalQueueItemSchema,
  type ResolveQueueRequest,
  type XapiPlatformCreated,
  type XapiPlatformList,
  xapiPlatformCreatedSchema,
  xapiPlatformListSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

export function externalHoursApi({ get, json }: Transport) {
  return {
    async createExternalImport(system: ExternalSystem, file: File): Promise<ExternalBatch> {
      const form = new FormData();
      form.append('system', system); // the server reads fields in order: system before file
      form.append('file', file, file.name);
      const path = '/api/v1/hours/imports';
      return parseWith(externalBatchSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    async commitExternalImport(id: string): Promise<ExternalCommit> {
      const path = `/api/v1/hours/imports/${encodeURIComponent(id)}/commit`;
      return parseWith(externalCommitSchema, await json('POST', path), `POST ${path}`);
    },
    externalQueue(): Promise<ExternalQueueItem[]> {
      return get(externalQueueItemSchema.array(), '/api/v1/hours/import-queue');
    },
    async resolveExternalQueued(id: string, body: ResolveQueueRequest): Promise<ExternalQueueItem> {
      const path = `/api/v1/hours/import-queue/${encodeURIComponent(id)}/resolve`;
      return parseWith(externalQueueItemSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    /** The registered xAPI platforms (never a token). */
    xapiPlatforms(): Promise<XapiPlatformList> {
      return get(xapiPlatformListSchema, '/api/v1/hours/xapi-platforms');
    },
    /** Register a platform: the answer holds its token, shown this once. */
    async createXapiPlatform(body: CreateXapiPlatformRequest): Promise<XapiPlatformCreated> {
      const path = '/api/v1/hours/xapi-platforms';
      return parseWith(xapiPlatformCreatedSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async revokeXapiPlatform(id: string, reason: string): Promise<XapiPlatformList> {
      const path = `/api/v1/hours/xapi-platforms/${encodeURIComponent(id)}/revoke`;
      return parseWith(
        xapiPlatformListSchema,
        await json('POST', path, { json: { reason } }),
        `POST ${path}`,
      );
    },
  };
}
