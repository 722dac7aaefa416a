import { IsInt, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flatten } from './validation';

class Grant {
  @IsInt() organisationId: number;
}
class Body {
  @IsString() name: string;
  @ValidateNested({ each: true }) @Type(() => Grant) roles: Grant[];
}

describe('flatten', () => {
  it('names nested fields with their path', () => {
    const errors = validateSync(plainToInstance(Body, { name: 3, roles: [{ organisationId: 1 }, { organisationId: 'x' }] }));
    expect(flatten(errors).map((p) => p.field)).toEqual(['name', 'roles[1].organisationId']);
  });
});
