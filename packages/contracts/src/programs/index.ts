/**
 * Training programmes: policy packs, programmes, the quota cascade (名额到校), nominations with
 * their eligibility checks, and integrity records (诚信档案). The policy-pack body is the `PolicyPack` of
 * packages/core/src/programs/policy-pack.ts; here it is checked only for its outline, and the server runs
 * core's `validatePack` on it.
 */
export * from './integrity';
export * from './nominations';
export * from './packs';
export * from './programmes';
export * from './quota-refusals';
export * from './selection-quality';
