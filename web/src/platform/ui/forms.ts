import { notifications } from '@mantine/notifications';
import type React from 'react';
import { isProblemError, problemFieldErrors } from '../api/problem';

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/** `onError` handler that puts per-field problem messages under the matching form fields. */
export function showFieldErrors(form: FormWithErrors): (error: unknown) => void {
  return (error) => {
    if (!isProblemError(error)) console.error(error);
    form.setErrors(problemFieldErrors(error));
  };
}

export { changedFields, omitBlank } from './formValues';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

interface SubmittableForm<V> extends FormWithErrors {
  onSubmit: (handler: (values: V) => void) => (event?: React.FormEvent<HTMLFormElement>) => void;
}

/**
 * Wires a Mantine form to an async submit (usually `mutation.mutateAsync`): problem field
 * errors land under their inputs, and the rejection is handled so it is not reported twice.
 */
export function submitWith<V>(form: SubmittableForm<V>, submit: (values: V) => Promise<unknown>) {
  return form.onSubmit((values) => {
    submit(values).catch(showFieldErrors(form));
  });
}
