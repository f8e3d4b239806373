/** 学时申报: a teacher's claims with evidence, the school's and the county's review queue and decisions. */
import {
  type CreateHourClaim,
  type DecideHourClaim,
  type HourClaim,
  type HourClaimQueueQuery,
  hourClaimSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const claimList = hourClaimSchema.array();

export function hourClaimsApi({ get, json }: Transport) {
  return {
    myHourClaims(): Promise<HourClaim[]> {
      return get(claimList, '/api/v1/me/hour-claims');
    },
    /** One multipart request: the claim as the JSON field `claim`, each file as `evidence`. */
    async submitHourClaim(claim: CreateHourClaim, files: File[]): Promise<HourClaim> {
      const form = new FormData();
      form.append('claim', JSON.stringify(claim));
      for (const f of files) form.append('evidence', f, f.name);
      const path = '/api/v1/me/hour-claims';
      return parseWith(hourClaimSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    hourClaimQueue(query: HourClaimQueueQuery = {}): Promise<HourClaim[]> {
      return get(claimList, '/api/v1/hour-claims', query);
    },
    async decideHourClaim(id: string, body: DecideHourClaim): Promise<HourClaim> {
      const path = `/api/v1/hour-claims/${encodeURIComponent(id)}/decision`;
      return parseWith(hourClaimSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async withdrawHourClaim(id: string): Promise<HourClaim> {
      const path = `/api/v1/hour-claims/${encodeURIComponent(id)}/withdraw`;
      return parseWith(hourClaimSchema, await json('POST', path), `POST ${path}`);
    },
  };
}
