import { SaveSheetDto } from './sheets.dto';
import { SubmitMarkDto } from './scoring.controller';
import { markFromNumber } from './mark-value';
import { ValidationFailed, validationPipe } from '../http/validation';
import { problemMessage } from '../http/validation-messages';

describe('markFromNumber', () => {
  it('takes a decimal number as the text it reads as', () => {
    expect([92.5, 85, 0, -3.25, 0.000001, 10.234, 123456789012345].map(markFromNumber)).toEqual(['92.5', '85', '0', '-3.25', '0.000001', '10.234', '123456789012345']);
  });

  it('refuses what could differ from what the client meant', () => {
    expect([NaN, Infinity, -Infinity, 1e21, 1e-7, 1234567890123456, 0.1 + 0.2].map(markFromNumber)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('a mark value in a body', () => {
  const pipe = validationPipe();
  const parse = (metatype: new () => object, body: object) => pipe.transform(body, { type: 'body', metatype });
  const refusal = async (metatype: new () => object, body: object) => {
    const err = await parse(metatype, body).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationFailed);
    return (err as ValidationFailed).problems.map((p) => ({ field: p.field, constraint: p.constraint, en: problemMessage(p, 'en') }));
  };

  it('takes a JSON number and hands the scoring code its decimal text', async () => {
    expect(await parse(SubmitMarkDto, { entryId: 1, value: 92.5 })).toEqual(Object.assign(new SubmitMarkDto(), { entryId: 1, value: '92.5' }));
    const sheet = (await parse(SaveSheetDto, { version: 0, marks: [{ entryId: 1, value: 88 }, { entryId: 2, value: '1:02.35' }, { entryId: 3, value: null }] })) as SaveSheetDto;
    expect(sheet.marks.map((m) => m.value)).toEqual(['88', '1:02.35', null]);
  });

  it('refuses a number with an exponent or too many digits, naming the field and saying how to send it', async () => {
    for (const value of [1e21, 1e-7, 1234567890123456]) {
      expect(await refusal(SubmitMarkDto, { entryId: 1, value })).toEqual([
        { field: 'value', constraint: 'isMark', en: expect.stringContaining('at most 15 significant digits, no exponent') },
      ]);
    }
    expect(await refusal(SaveSheetDto, { version: 0, marks: [{ entryId: 1, value: 1e300 }] })).toEqual([
      { field: 'marks[0].value', constraint: 'isMark', en: expect.stringContaining('value must be a mark as text') },
    ]);
  });

  it('still refuses what is neither text nor a number, and empty text', async () => {
    expect((await refusal(SubmitMarkDto, { entryId: 1, value: true }))[0]).toMatchObject({ field: 'value', constraint: 'isMark' });
    expect((await refusal(SubmitMarkDto, { entryId: 1, value: ['85'] }))[0]).toMatchObject({ field: 'value', constraint: 'isMark' });
    expect((await refusal(SubmitMarkDto, { entryId: 1, value: '' }))[0]).toMatchObject({ field: 'value', constraint: 'isLength' });
    expect((await refusal(SubmitMarkDto, { entryId: 1, value: null }))[0]).toMatchObject({ field: 'value', constraint: 'isMark' });
  });
});
