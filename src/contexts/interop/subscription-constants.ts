/** The workflow subject type of a subscription (`workflow_instances.subject_type`). */
export const SUBSCRIPTION_SUBJECT = 'interop_subscription';
export const SUBSCRIPTION_WORKFLOW_ID = 'interop_subscription';
/** The state in which the gateway lets the consumer through. */
export const ACTIVE_SUBSCRIPTION_STATE = 'active';
