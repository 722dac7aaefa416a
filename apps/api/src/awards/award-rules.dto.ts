import type { AwardRule } from '@app/awards';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalField } from '../http/optional';

const YUAN = /^\d{1,10}(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,10}(\.\d{1,4})?$/;

export class AwardDefinitionDto {
  @ApiProperty({ example: 'first' }) @IsString() @Length(1, 40) code: string;
  @ApiProperty({ example: '一等奖' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ example: 1, description: '1 is the highest' }) @IsInt() @Min(1) @Max(99) level: number;
  @ApiPropertyOptional({ example: '技术能手' }) @OptionalField() @IsString() @Length(1, 100) title?: string;
  @ApiPropertyOptional({ example: '5000.00', description: 'yuan per person; a team award pays it to every member' })
  @OptionalField()
  @IsString()
  @Matches(YUAN)
  prizeMoneyPerPerson?: string;
}

export class RankTierDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(100_000) fromPlace: number;
  @ApiPropertyOptional({ example: 3, description: 'default fromPlace' }) @OptionalField() @IsInt() @Min(1) @Max(100_000) toPlace?: number;
  @ApiProperty({ type: AwardDefinitionDto }) @ValidateNested() @Type(() => AwardDefinitionDto) award: AwardDefinitionDto;
}

export class BandDto {
  @ApiProperty({ example: '10', description: 'share of the field in percent' }) @IsString() @Matches(/^\d{1,3}(\.\d{1,2})?$/) percent: string;
  @ApiPropertyOptional({ example: 5 }) @OptionalField() @IsInt() @Min(0) @Max(100_000) maxCount?: number;
  @ApiProperty({ type: AwardDefinitionDto }) @ValidateNested() @Type(() => AwardDefinitionDto) award: AwardDefinitionDto;
}

export class ThresholdDto {
  @ApiProperty({ example: '700' }) @IsString() @Matches(DECIMAL) minTotal: string;
  @ApiProperty({ type: AwardDefinitionDto }) @ValidateNested() @Type(() => AwardDefinitionDto) award: AwardDefinitionDto;
}

/** The rule's kind names its other fields; an unknown kind is refused by `type` itself. */
export class AwardRuleDto {
  @ApiProperty({ enum: ['rank', 'band', 'threshold', 'completion'] }) @IsIn(['rank', 'band', 'threshold', 'completion']) type: AwardRule['type'];
}

export class RankRuleDto extends AwardRuleDto {
  declare type: 'rank';
  @ApiProperty({ type: [RankTierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RankTierDto)
  tiers: RankTierDto[];
}

export class BandRuleDto extends AwardRuleDto {
  declare type: 'band';
  @ApiProperty({ type: [BandDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => BandDto) bands: BandDto[];
  @ApiProperty({ enum: ['floor', 'ceil', 'half-up'] }) @IsIn(['floor', 'ceil', 'half-up']) rounding: 'floor' | 'ceil' | 'half-up';
  @ApiProperty({ enum: ['include', 'exclude'], description: 'a tie across a band edge goes into the higher band (include) or the lower (exclude)' })
  @IsIn(['include', 'exclude'])
  tiePolicy: 'include' | 'exclude';
  @ApiPropertyOptional({ example: '60' }) @OptionalField() @IsString() @Matches(DECIMAL) minimumTotal?: string;
  @ApiPropertyOptional({ enum: ['ranked', 'started'], description: 'the field a percent is of: the official contestants ranked (default) or those who started' })
  @OptionalField()
  @IsIn(['ranked', 'started'])
  percentOf?: 'ranked' | 'started';
}

export class ThresholdRuleDto extends AwardRuleDto {
  declare type: 'threshold';
  @ApiProperty({ type: [ThresholdDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ThresholdDto)
  thresholds: ThresholdDto[];
}

/** Every finisher (status OK with a time) gets the award: a walk's completion certificate. */
export class CompletionRuleDto extends AwardRuleDto {
  declare type: 'completion';
  @ApiProperty({ type: AwardDefinitionDto }) @ValidateNested() @Type(() => AwardDefinitionDto) award: AwardDefinitionDto;
}

@ApiExtraModels(RankRuleDto, BandRuleDto, ThresholdRuleDto, CompletionRuleDto)
export class AwardRulesDto {
  @ApiProperty({
    description:
      'rules by rank, bands, threshold or completion (every finisher; see libs/awards/src/domain); each rule grants an entry at most one award. ' +
      'Places are counted as the results board counts them: among the official contestants ranked, guests (特邀) and DNS/DNF/DQ skipped, ties sharing a place — ' +
      'a guest who finishes first leaves first prize to the best official contestant; guests win nothing. ' +
      'A band\'s percent ("top 10 %") is of the official contestants ranked (guests, DNS, DNF and DQ not counted), ' +
      'unless the band rule says percentOf: "started" (of those who started: DNF and DQ counted too, guests and DNS still not).',
    type: 'array',
    items: { oneOf: [RankRuleDto, BandRuleDto, ThresholdRuleDto, CompletionRuleDto].map((m) => ({ $ref: getSchemaPath(m) })) },
    example: [{ type: 'rank', tiers: [{ fromPlace: 1, award: { code: 'gold', name: '金牌', level: 1, prizeMoneyPerPerson: '5000.00' } }] }],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AwardRuleDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'rank', value: RankRuleDto },
        { name: 'band', value: BandRuleDto },
        { name: 'threshold', value: ThresholdRuleDto },
        { name: 'completion', value: CompletionRuleDto },
      ],
    },
  })
  rules: Array<RankRuleDto | BandRuleDto | ThresholdRuleDto | CompletionRuleDto>;
}
