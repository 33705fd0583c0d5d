import { describe, expect, it } from 'vitest';
import { withoutHeadlineLabel } from '../../../src/lib/stories/headline-label.ts';

describe('withoutHeadlineLabel', () => {
  it.each([
    ["Analysis: Apple's new M5 chip arrives", "Apple's new M5 chip arrives"],
    ['BREAKING: Apple unveils M5', 'Apple unveils M5'],
    ['Live  Updates: Apple unveils M5', 'Apple unveils M5'],
    ['Q&A: Why passkeys stall', 'Why passkeys stall'],
    ['UPDATE 2-Apple unveils M5 chip with faster GPU', 'Apple unveils M5 chip with faster GPU'],
    ['CORRECTED-Apple unveils M5 chip', 'Apple unveils M5 chip'],
    ['REFILE-UPDATE 1-Apple unveils M5 chip', 'Apple unveils M5 chip'],
  ])('reads %j as %j', (title, headline) => {
    expect(withoutHeadlineLabel(title)).toBe(headline);
  });

  it.each([
    "M5: Apple's newest silicon, tested",
    'Nvidia: a record quarter for Blackwell',
    'Apple unveils M5: analysis of the new chip',
    'Live updates',
    'Analysis:no space after the colon',
    'AMD-Xilinx deal closes',
    'Hands-on with the M5 MacBook Pro',
    'Wi-Fi 7 routers arrive',
  ])('leaves %j as it is: no label from the list opens it', (title) => {
    expect(withoutHeadlineLabel(title)).toBe(title);
  });
});
