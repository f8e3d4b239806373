/**
 * Date and time fields for forms whose values are strings as the API takes them ("2026-12-06", "08:30"): antd's
 * pickers in the one format of the app (DATE_FORMAT, 24-hour TIME_FORMAT) and the locale of the ConfigProvider,
 * instead of the browser's native inputs, which follow the browser's language ("12/06/2026", "08:30 AM").
 */
import {
  Button,
  ConfigProvider,
  DatePicker,
  type DatePickerProps,
  TimePicker,
  type TimePickerProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useContext } from 'react';
import { DATE_FORMAT, TIME_FORMAT, todayIso } from './time';

type Common = { value?: string; onChange?: (value: string | undefined) => void };

/**
 * A calendar date as 'YYYY-MM-DD'; `min` / `max` (the same form) bound the days offered. Its "today" is today in
 * the deployment's zone (antd's own button would take the browser's).
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  ...rest
}: Common & { min?: string; max?: string } & Omit<
    DatePickerProps,
    'value' | 'onChange' | 'format' | 'picker'
  >) {
  const { locale } = useContext(ConfigProvider.ConfigContext);
  const today = todayIso();
  const todayAllowed = (min === undefined || today >= min) && (max === undefined || today <= max);
  const disabledDate = (d: Dayjs) => {
    const s = d.format(DATE_FORMAT);
    return (min !== undefined && s < min) || (max !== undefined && s > max);
  };
  return (
    <DatePicker
      {...rest}
      format={DATE_FORMAT}
      value={value ? dayjs(value) : null}
      onChange={(_, text) => onChange?.(typeof text === 'string' && text ? text : undefined)}
      disabledDate={min !== undefined || max !== undefined ? disabledDate : undefined}
      showNow={false}
      renderExtraFooter={
        todayAllowed
          ? () => (
              <Button type="link" size="small" block onClick={() => onChange?.(today)}>
                {locale?.DatePicker?.lang.today ?? today}
              </Button>
            )
          : undefined
      }
    />
  );
}

/** A time of day as 'HH:mm' (24-hour). */
export function TimeField({
  value,
  onChange,
  ...rest
}: Common & Omit<TimePickerProps, 'value' | 'onChange' | 'format'>) {
  return (
    <TimePicker
      needConfirm={false}
      showNow={false}
      {...rest}
      format={TIME_FORMAT}
      value={value ? dayjs(`2000-01-01T${value}`) : null}
      onChange={(d) => onChange?.(d ? d.format(TIME_FORMAT) : undefined)}
    />
  );
}
