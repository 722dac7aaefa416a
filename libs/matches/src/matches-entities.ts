import { MatchGame, MatchGroup, MatchMatch, MatchRound, MatchStage } from './bracket-tables.entity';
import { MatchChange } from './match-change.entity';
import { MatchItem } from './match-item.entity';
import { MatchOfficial } from './match-official.entity';
import { MatchParticipant } from './match-participant.entity';
import { SwissPairing } from './swiss-pairing.entity';

export const MATCHES_ENTITIES = [MatchItem, MatchParticipant, MatchStage, MatchGroup, MatchRound, MatchMatch, MatchGame, SwissPairing, MatchOfficial, MatchChange];
