export { describeMatrix, type Matrix, type MatrixSpec } from './describe-matrix';
