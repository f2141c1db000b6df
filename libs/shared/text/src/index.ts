export { isStorableText, isText } from './storable-text';
