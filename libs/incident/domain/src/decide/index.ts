export { decide } from './decide';
export {
  NOTE_MAX_LENGTH,
  SNOOZE_MAX_SECONDS,
  SNOOZE_MIN_SECONDS,
  TITLE_MAX_LENGTH,
  ID_MAX_LENGTH,
  isStorableText,
  isText,
} from './validation';
