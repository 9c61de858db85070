import { AutoComplete, Col, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { officeText } from '../i18n/vi/office';
import { useApplicantLookup } from './dossier-queries';
import type { ApplicantRecord } from './dossier-types';

export interface ApplicantValues {
  kind: 'citizen' | 'organisation';
  name: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

function describe(a: ApplicantRecord): string {
  return [a.name, a.idNumber, a.phone, a.address].filter(Boolean).join(' — ');
}

/**
 * The applicant, under `applicant.*` of the surrounding form. The ID number and phone fields look up
 * returning applicants as they are typed; picking one (↓, Enter) fills every field, so nothing known is
 * typed twice. `onFilled` lets the page move the focus on.
 */
export function ApplicantFields({ form, onFilled }: { form: FormInstance; onFilled?: () => void }) {
  const idNumber: string = Form.useWatch(['applicant', 'idNumber'], form) ?? '';
  const phone: string = Form.useWatch(['applicant', 'phone'], form) ?? '';
  const byId = useApplicantLookup(idNumber);
  const byPhone = useApplicantLookup(phone);

  const fill = (a: ApplicantRecord) => {
    form.setFieldsValue({
      applicant: {
        kind: a.kind,
        name: a.name,
        idNumber: a.idNumber ?? '',
        address: a.address ?? '',
        phone: a.phone ?? '',
        email: a.email ?? '',
      },
    });
    onFilled?.();
  };
  const optionsOf = (found: ApplicantRecord[] | undefined, key: 'idNumber' | 'phone') =>
    (found ?? [])
      .filter((a) => a[key])
      .map((a) => ({ value: a[key] as string, label: describe(a), applicant: a }));

  return (
    <>
      <Form.Item label={officeText.applicantKind} name={['applicant', 'kind']}>
        <Radio.Group
          options={[
            { value: 'citizen', label: officeText.applicantCitizen },
            { value: 'organisation', label: officeText.applicantOrganisation },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={officeText.applicantIdNumber}
            name={['applicant', 'idNumber']}
            extra={
              byId.data && byId.data.length > 0
                ? officeText.applicantFound(byId.data.length)
                : officeText.applicantLookupHint
            }
          >
            <AutoComplete
              options={optionsOf(byId.data, 'idNumber')}
              onSelect={(_, option) => fill((option as { applicant: ApplicantRecord }).applicant)}
              defaultActiveFirstOption={false}
            >
              <Input autoComplete="off" inputMode="numeric" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={officeText.applicantName}
            name={['applicant', 'name']}
            rules={[{ required: true, whitespace: true, message: officeText.applicantNameRequired }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={officeText.applicantPhone} name={['applicant', 'phone']}>
            <AutoComplete
              options={optionsOf(byPhone.data, 'phone')}
              onSelect={(_, option) => fill((option as { applicant: ApplicantRecord }).applicant)}
              defaultActiveFirstOption={false}
            >
              <Input autoComplete="off" inputMode="tel" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={officeText.applicantEmail} name={['applicant', 'email']}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={officeText.applicantAddress} name={['applicant', 'address']}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
