import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { adminText } from '../i18n/vi/admin';

const weekdayOptions = adminText.weekdayLabels.map((label, i) => ({ value: i + 1, label }));

/** Office hours as the contract has them: ISO weekdays (1 = Thứ 2 … 7 = Chủ nhật) and up to 4 sessions. */
export function OfficeHoursFields() {
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
      <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>{adminText.officeHours}</legend>
      <Form.Item label={adminText.weekdays} name={['officeHours', 'weekdays']}>
        <Checkbox.Group options={weekdayOptions} />
      </Form.Item>
      <Form.Item label={adminText.sessions} required style={{ marginBottom: 0 }}>
        <Form.List name={['officeHours', 'sessions']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'start']}>
                    <Input type="time" aria-label={adminText.sessionStart(index + 1)} />
                  </Form.Item>
                  <span aria-hidden style={{ lineHeight: '32px' }}>
                    –
                  </span>
                  <Form.Item name={[field.name, 'end']}>
                    <Input type="time" aria-label={adminText.sessionEnd(index + 1)} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={adminText.removeSession(index + 1)}
                    />
                  )}
                </Space>
              ))}
              {fields.length < 4 && (
                <Form.Item>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ start: '', end: '' })}
                  >
                    {adminText.addSession}
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
    </fieldset>
  );
}
