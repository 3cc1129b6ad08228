/**
 * dayjs-business-time holds one global calendar in the process's own time zone, so main.ts runs
 * this file in a child process with TZ set to the calendar's zone. Prints its figures as JSON.
 */
import dayjs from 'dayjs';
import businessTime from 'dayjs-business-time';
import { EngineFigures, makeWorkload, measure } from './workload';

interface Job {
  fromMs: number;
  toMs: number;
  count: number;
  minMs: number;
  holidays: string[];
  sample: number;
}

const job: Job = JSON.parse(process.env.BENCH_JOB ?? '{}');
dayjs.extend(businessTime);
const day = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({
  sunday: null,
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: null,
});
dayjs.setHolidays(job.holidays);

const work = makeWorkload(job.count, job.fromMs, job.toMs);
const deadline = (i: number) => dayjs(work.starts[i]).addBusinessMinutes(work.minutes[i]).valueOf();
const elapsed = (i: number) => dayjs(work.starts[i]).businessMinutesDiff(dayjs(work.ends[i]));
const figures: EngineFigures = {
  engine: 'dayjs-business-time',
  deadlinesPerSecond: measure(job.count, job.minMs, deadline),
  elapsedPerSecond: measure(job.count, job.minMs, elapsed),
  deadlineSample: Array.from({ length: job.sample }, (_, i) => deadline(i)),
  elapsedSample: Array.from({ length: job.sample }, (_, i) => elapsed(i)),
};
process.stdout.write(JSON.stringify(figures));
