import { Alert, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

interface FormDialogProps<Values> {
  title: string;
  form: FormInstance<Values>;
  /** From `useFormSubmission`. */
  submission: { submit: (values: Values) => void; isPending: boolean; formError: string | null };
  onClose: () => void;
  okText: string;
  cancelText: string;
  initialValues?: Partial<Values>;
  width?: number;
  children: ReactNode;
}

/**
 * A form in a modal, mounted while it is open: values typed survive a failed submission (the
 * server's field errors appear next to the fields, anything else in the alert above the buttons).
 */
export function FormDialog<Values>(props: FormDialogProps<Values>) {
  const { title, form, submission, onClose, okText, cancelText, initialValues, width, children } = props;
  return (
    <Modal
      open
      title={title}
      width={width ?? 560}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={cancelText}
      confirmLoading={submission.isPending}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submission.submit}
        scrollToFirstError={{ focus: true }}
      >
        {children}
        {submission.formError && <Alert type="error" showIcon title={submission.formError} role="alert" />}
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
