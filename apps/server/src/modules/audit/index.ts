export { type AuditEntry, type AuditService, createAuditService } from './audit.service';
