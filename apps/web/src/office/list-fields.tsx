import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { officeText } from '../i18n/vi/office';

/**
 * Lists typed into forms: supplement items (Form 02, asked once, complete — Decree 61 Art. 15) and
 * reasons (refusals, Form 03). Field names follow the request body (`items.0.reason`), so the server's
 * validation issues appear next to the right line.
 */
export function SupplementItemsFields({ name = 'items' }: { name?: string | (string | number)[] }) {
  return (
    <Form.Item label={officeText.supplementItems} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="1 1 45%">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: officeText.required }]}
                  >
                    <Input
                      placeholder={officeText.supplementItemName}
                      aria-label={`${officeText.supplementItemName} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="1 1 45%">
                  <Form.Item
                    name={[field.name, 'reason']}
                    rules={[{ required: true, whitespace: true, message: officeText.required }]}
                  >
                    <Input
                      placeholder={officeText.supplementItemReason}
                      aria-label={`${officeText.supplementItemReason} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${officeText.removeItem} ${index + 1}`}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', reason: '' })}>
              {officeText.addItem}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function ReasonsFields({
  name = 'reasons',
  label = officeText.refuseReasons,
}: {
  name?: string | (string | number)[];
  label?: string;
}) {
  return (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="auto">
                  <Form.Item
                    name={field.name}
                    rules={[{ required: true, whitespace: true, message: officeText.reasonRequired }]}
                  >
                    <Input.TextArea rows={2} aria-label={`${label} ${index + 1}`} />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${officeText.removeItem} ${index + 1}`}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
              {officeText.addReason}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
