export { auditRoutes } from './audit.routes';
export { type AuditEntry, type AuditService, createAuditService } from './audit.service';
