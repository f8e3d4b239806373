/** Annual selections (评优评先) and their certificates of honour. */
import {
  type CreateSelectionInput,
  type DecideSelection,
  type NominateIndividual,
  type RevokeHonour,
  type SelectionDetail,
  type SelectionSummary,
  selectionDetailSchema,
  selectionSummarySchema,
} from '@yanxun/contracts';
import type { Transport } from './api-transport';

const base = '/api/v1/evaluation/selections';
const enc = encodeURIComponent;

/** Where a selection's certificates download (the session's download helper fetches them). */
export const selectionFiles = {
  honourPdf: (id: string, honourId: string) => `${base}/${enc(id)}/honours/${enc(honourId)}/certificate.pdf`,
  zip: (id: string) => `${base}/${enc(id)}/certificates.zip`,
};

export function selectionsApi({ get, write }: Transport) {
  return {
    evaluationSelections(): Promise<SelectionSummary[]> {
      return get(selectionSummarySchema.array(), base);
    },
    evaluationSelection(id: string): Promise<SelectionDetail> {
      return get(selectionDetailSchema, `${base}/${enc(id)}`);
    },
    createEvaluationSelection(body: CreateSelectionInput): Promise<SelectionDetail> {
      return write(selectionDetailSchema, 'POST', base, body);
    },
    decideEvaluationSelection(id: string, body: DecideSelection): Promise<SelectionDetail> {
      return write(selectionDetailSchema, 'PUT', `${base}/${enc(id)}/decisions`, body);
    },
    nominateForSelection(id: string, body: NominateIndividual): Promise<SelectionDetail> {
      return write(selectionDetailSchema, 'POST', `${base}/${enc(id)}/nominations`, body);
    },
    publishEvaluationSelection(id: string): Promise<SelectionDetail> {
      return write(selectionDetailSchema, 'POST', `${base}/${enc(id)}/publish`);
    },
    /** Revoke a certificate of honour awarded in error (Y-EVAL-HONOUR-REVOKE). */
    revokeSelectionHonour(id: string, honourId: string, body: RevokeHonour): Promise<SelectionDetail> {
      return write(selectionDetailSchema, 'POST', `${base}/${enc(id)}/honours/${enc(honourId)}/revoke`, body);
    },
  };
}
