export const PERMISSIONS = [
  'government:update',
  'agency:create',
  'agency:update',
  'user:read',
  'user:create',
  'user:update',
  'audit:read',
  'application:read',
  'application:create',
  'application:update',
  'hostingRequest:create',
  'hostingRequest:decide',
  'datacenterRegistry:manage',
  'datacenterActivity:read',
  'backup:manage',
  'dataset:create',
  'dataset:verify',
  'dataset:read',
  'referenceList:manage',
  'dataPlan:manage',
  'evaluation:read',
  'evaluation:create',
  'compliance:read',
  'complianceProfile:manage',
  'complianceSnapshot:create',
  'complianceEvidence:record',
  'interopApi:manage',
  'interopSubscription:create',
  'interopSubscription:decide',
  'interopPlan:manage',
  'interopCredential:manage',
  'interopUsage:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function hasPermission(
  granted: readonly string[] | undefined,
  required: Permission | undefined,
): boolean {
  if (!required) return true;
  return granted?.includes(required) ?? false;
}
