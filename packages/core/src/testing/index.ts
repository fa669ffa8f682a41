/** Helpers for the packages' tests (`@nariz/core/testing`); nothing here is used at run time. */
export { assertNear, type NearTolerance } from './assert-near.js';
export { xmllintValidate, type XmllintResult } from './xmllint.js';
