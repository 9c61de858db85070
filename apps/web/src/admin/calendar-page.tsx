import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { SessionUser } from '@motcua/contracts/session';
import { Button, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { adminText } from '../i18n/vi/admin';
import { usePageTitle } from '../page-title';
import { todayInVietnam } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { CalendarDueForm } from './calendar-due-form';
import { CalendarLocalChanges } from './calendar-local-changes';
import { useCalendarYear } from './calendar-queries';
import { CalendarLegend, CalendarYearView } from './calendar-year-view';
import './calendar.css';

/** The years the server's working calendar covers (calendar-service CALENDAR_FROM_YEAR..TO_YEAR). */
const firstYear = 2020;
const lastYear = 2035;
const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

/** `/admin/calendar`: the year's days off and working days, local changes, and a due-date calculator. */
export function CalendarPage({ user }: { user: SessionUser }) {
  usePageTitle(adminText.calendar);
  const canManage = user.permissions.includes('calendar.manage');
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(Math.min(lastYear, Math.max(firstYear, thisYear)));
  const view = useCalendarYear(year);

  return (
    <>
      <PageHeading title={adminText.calendar} />
      <div className="calendar-toolbar">
        <Button
          icon={<LeftOutlined aria-hidden />}
          disabled={year <= firstYear}
          onClick={() => setYear(year - 1)}
        >
          {adminText.previousYear}
        </Button>
        <label htmlFor="calendar-year">{adminText.calendarYear}</label>
        <Select
          id="calendar-year"
          value={year}
          style={{ width: 110 }}
          onChange={(value) => setYear(value)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Button disabled={year >= lastYear} onClick={() => setYear(year + 1)}>
          {adminText.nextYear}
          <RightOutlined aria-hidden />
        </Button>
        {view.data && view.data.year === year && (
          <Tag
            data-testid="schedule-source"
            color={view.data.source === 'official' ? 'success' : 'warning'}
            style={{ fontSize: 14, padding: '2px 8px' }}
          >
            {view.data.source === 'official' ? adminText.scheduleOfficial : adminText.scheduleProvisional}
          </Tag>
        )}
      </div>
      <LoadErrorAlert query={view} />
      {view.isPending && <Skeleton active />}
      {view.data && (
        <>
          <p className="calendar-source">
            {view.data.source === 'official'
              ? `${adminText.scheduleOfficialHint} ${view.data.sources.join('; ')}.`
              : adminText.scheduleProvisionalHint}
          </p>
          <CalendarLegend />
          <CalendarYearView view={view.data} />
          <div className="calendar-panels">
            <CalendarLocalChanges view={view.data} canManage={canManage} />
            <CalendarDueForm />
          </div>
        </>
      )}
    </>
  );
}
