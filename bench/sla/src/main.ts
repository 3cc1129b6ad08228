/**
 * Deadline (add business time) and elapsed (business time between two instants) computations per
 * second on a 5-year Europe/Budapest Mon-Fri 09:00-17:00 calendar with Hungarian holidays:
 * Caseflow's compiled table vs dayjs-business-time, in the same run.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { addBusinessDuration, businessElapsed, CalendarDefinition, loadCalendar, weekdays } from '@caseflow/sla';
import { compileCalendar, compileCalendarForYears, publicHolidayDays } from '@caseflow/sla/compile';
import { EngineFigures, makeWorkload, measure } from './workload';

const definition: CalendarDefinition = {
  id: 'bench-budapest',
  version: 1,
  timeZone: 'Europe/Budapest',
  week: weekdays('09:00', '17:00'),
  publicHolidays: { country: 'HU' },
};
const FROM_YEAR = 2025;
const YEARS = 5;
const COUNT = Number(process.env.BENCH_COUNT ?? 200_000);
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 1500);
const SAMPLE = 2000;

const holidays = publicHolidayDays(definition, FROM_YEAR - 1, FROM_YEAR + YEARS)
  .filter((day) => day.hours.length === 0)
  .map((day) => day.date);
const compileStarted = process.hrtime.bigint();
const compiled = compileCalendarForYears(definition, FROM_YEAR, YEARS);
const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
const calendar = loadCalendar(compiled);
const tenYears = compileCalendar(definition, {
  from: '2025-01-01',
  to: '2035-01-01',
  holidays: publicHolidayDays(definition, 2024, 2035),
});

// Inputs stay two weeks inside the horizon so every deadline fits.
const fromMs = calendar.horizonStart * 1000;
const toMs = (calendar.horizonEnd - 60 * 86400) * 1000;
const work = makeWorkload(COUNT, fromMs, toMs);
const startSeconds = work.starts.map((ms) => ms / 1000);
const endSeconds = work.ends.map((ms) => ms / 1000);
const durationSeconds = work.minutes.map((minutes) => minutes * 60);

const deadline = (i: number) => addBusinessDuration(calendar, startSeconds[i], durationSeconds[i]);
const elapsed = (i: number) => businessElapsed(calendar, startSeconds[i], endSeconds[i]);
const caseflow: EngineFigures = {
  engine: 'caseflow @caseflow/sla',
  deadlinesPerSecond: measure(COUNT, MIN_MS, deadline),
  elapsedPerSecond: measure(COUNT, MIN_MS, elapsed),
  deadlineSample: Array.from({ length: SAMPLE }, (_, i) => deadline(i) * 1000),
  elapsedSample: Array.from({ length: SAMPLE }, (_, i) => elapsed(i) / 60),
};

const job = { fromMs, toMs, count: Math.min(COUNT, 3_000), minMs: MIN_MS, holidays, sample: SAMPLE };
const dayjsOutput = execFileSync(process.execPath, [join(__dirname, 'dayjs-engine.js')], {
  env: { ...process.env, TZ: definition.timeZone, BENCH_JOB: JSON.stringify(job) },
  maxBuffer: 64 * 1024 * 1024,
});
const dayjsFigures: EngineFigures = JSON.parse(dayjsOutput.toString());

const agree = (a: number[], b: number[]) => a.filter((value, i) => value === b[i]).length;
const rate = (value: number) => Math.round(value).toLocaleString('en-US').padStart(12);
console.log(
  `calendar: ${definition.timeZone} Mon-Fri 09:00-17:00, ${YEARS} years from ${FROM_YEAR}, ${holidays.length} holiday dates`,
);
console.log(
  `compiled table: ${compiled.intervals.length / 2} intervals, ${JSON.stringify(compiled).length} bytes JSON (10 years: ${JSON.stringify(tenYears).length} bytes), compiled in ${compileMs.toFixed(0)} ms`,
);
console.log('');
console.log(`${'engine'.padEnd(24)} ${'deadlines/s'.padStart(12)} ${'elapsed/s'.padStart(12)}`);
for (const figures of [caseflow, dayjsFigures]) {
  console.log(`${figures.engine.padEnd(24)} ${rate(figures.deadlinesPerSecond)} ${rate(figures.elapsedPerSecond)}`);
}
console.log('');
console.log(
  `speed-up: deadlines x${(caseflow.deadlinesPerSecond / dayjsFigures.deadlinesPerSecond).toFixed(0)}, elapsed x${(caseflow.elapsedPerSecond / dayjsFigures.elapsedPerSecond).toFixed(0)}`,
);
console.log(
  `same answers on ${SAMPLE} samples: deadlines ${agree(caseflow.deadlineSample, dayjsFigures.deadlineSample)}/${SAMPLE}, elapsed minutes ${agree(caseflow.elapsedSample, dayjsFigures.elapsedSample)}/${SAMPLE}`,
);
const goal = 1_000_000;
console.log(
  `goal >= ${goal.toLocaleString('en-US')} deadlines/s: ${caseflow.deadlinesPerSecond >= goal ? 'met' : 'NOT met'}`,
);
