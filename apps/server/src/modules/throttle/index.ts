export { createThrottleRepository, type ThrottleRepository } from './throttle.repository';
export {
  type Attempt,
  addressKey,
  blockedUntil,
  createThrottleService,
  type KeyState,
  KNOWN_DAYS,
  knownKey,
  secondsUntil,
  subjectHash,
  type ThrottleKey,
  type ThrottleRule,
  type ThrottleService,
  throttleKey,
  waitText,
} from './throttle.service';
