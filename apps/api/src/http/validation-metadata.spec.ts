import { getMetadataStorage, IsInt, IsString, Min, validate } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata';

class Base {
  @IsString() name: string;
}
class Child extends Base {
  @IsInt() n: number;
}

describe('remembered validation metadata', () => {
  beforeAll(() => rememberValidationMetadata());

  it('answers as class-validator does, inherited constraints included, and the same answer again', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', true, false);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['n', 'name']);
    expect(storage.getTargetValidationMetadatas(Child, '', true, false)).toBe(first);
  });

  it('forgets what it remembered when a decorator adds a constraint later', async () => {
    const child = Object.assign(new Child(), { name: 'x', n: -1 });
    expect(await validate(child)).toEqual([]);
    Min(0)(Child.prototype, 'n');
    expect((await validate(child)).map((e) => Object.keys(e.constraints ?? {}))).toEqual([['min']]);
  });
});
