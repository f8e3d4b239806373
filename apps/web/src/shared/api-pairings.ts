/** 帮扶结对 (pairings): list, read, create, edit, delete, record a joint activity, the per-county statistics. */
import {
  type PairingActivityInput,
  type PairingCheck,
  type PairingDetail,
  type PairingInput,
  type PairingKind,
  type PairingList,
  type PairingStats,
  type PairingUpdate,
  pairingCheckSchema,
  pairingDetailSchema,
  pairingListSchema,
  pairingStatsSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const P = '/api/v1/pairings';
const id = encodeURIComponent;

export function pairingsApi({ get, json }: Transport) {
  return {
    pairings(kind?: PairingKind): Promise<PairingList> {
      return get(pairingListSchema, P, kind ? { kind } : {});
    },
    pairing(pairingId: string): Promise<PairingDetail> {
      return get(pairingDetailSchema, `${P}/${id(pairingId)}`);
    },
    async createPairing(body: PairingInput): Promise<PairingDetail> {
      return parseWith(pairingDetailSchema, await json('POST', P, { json: body }), `POST ${P}`);
    },
    /** The rule checks of a pairing being written (R3-B05/B06, R3-G20), nothing kept. */
    async checkPairing(body: PairingInput): Promise<PairingCheck> {
      const path = `${P}/check`;
      return parseWith(pairingCheckSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async updatePairing(pairingId: string, body: PairingUpdate): Promise<PairingDetail> {
      const path = `${P}/${id(pairingId)}`;
      return parseWith(pairingDetailSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    /** A pairing entered in error (refused once joint activities are recorded). */
    async deletePairing(pairingId: string): Promise<void> {
      await json('DELETE', `${P}/${id(pairingId)}`);
    },
    /** Per county in scope for a school year (default: this one). */
    pairingStats(schoolYear?: string): Promise<PairingStats> {
      return get(pairingStatsSchema, `${P}/stats`, schoolYear ? { schoolYear } : {});
    },
    async recordPairingActivity(pairingId: string, body: PairingActivityInput): Promise<PairingDetail> {
      const path = `${P}/${id(pairingId)}/activities`;
      return parseWith(pairingDetailSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
  };
}
