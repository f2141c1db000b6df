export {
  checkList,
  checkText,
  isRecord,
  isWholeNumberIn,
  type ListRule,
  type Report,
  reportUnknownFields,
  show,
} from './input-checks';
