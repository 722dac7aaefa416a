import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchesTables1795540000000 implements MigrationInterface {
  name = 'MatchesTables1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`match_items\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`format\` enum ('single_elimination', 'double_elimination', 'round_robin', 'groups_knockout', 'swiss') NOT NULL, \`settings\` json NOT NULL, \`status\` enum ('setup', 'drawn', 'running', 'finished') NOT NULL DEFAULT 'setup', \`lot\` json NULL, \`version\` int UNSIGNED NOT NULL DEFAULT '0', \`reopened_by\` int UNSIGNED NULL, \`created_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_match_items_item\` (\`item_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_participants\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`seed\` smallint UNSIGNED NULL, \`rating\` int NULL, \`start_score\` decimal(5,1) NOT NULL DEFAULT '0.0', UNIQUE INDEX \`uq_match_participants_seed\` (\`item_id\`, \`seed\`), UNIQUE INDEX \`uq_match_participants_entry\` (\`item_id\`, \`entry_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_stages\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`type\` enum ('round_robin', 'single_elimination', 'double_elimination') NOT NULL, \`settings\` json NOT NULL, \`number\` smallint UNSIGNED NOT NULL, INDEX \`idx_match_stages_item\` (\`item_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_groups\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`stage_id\` int UNSIGNED NOT NULL, \`number\` smallint UNSIGNED NOT NULL, INDEX \`idx_match_groups_stage\` (\`stage_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_rounds\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`stage_id\` int UNSIGNED NOT NULL, \`group_id\` int UNSIGNED NOT NULL, \`number\` smallint UNSIGNED NOT NULL, INDEX \`idx_match_rounds_stage\` (\`stage_id\`), INDEX \`idx_match_rounds_group\` (\`group_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_matches\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`stage_id\` int UNSIGNED NOT NULL, \`group_id\` int UNSIGNED NOT NULL, \`round_id\` int UNSIGNED NOT NULL, \`number\` smallint UNSIGNED NOT NULL, \`child_count\` smallint UNSIGNED NOT NULL DEFAULT '0', \`status\` tinyint UNSIGNED NOT NULL, \`opponent1\` json NULL, \`opponent2\` json NULL, \`item_id\` int UNSIGNED NOT NULL, \`score\` json NULL, \`ending\` enum ('completed', 'retired', 'walkover', 'forfeit', 'double_forfeit', 'draw') NULL, \`court\` varchar(100) NULL, \`scheduled_at\` datetime(3) NULL, \`result_by\` int UNSIGNED NULL, \`result_at\` datetime(3) NULL, INDEX \`idx_match_matches_item\` (\`item_id\`), INDEX \`idx_match_matches_stage\` (\`stage_id\`), INDEX \`idx_match_matches_group\` (\`group_id\`), INDEX \`idx_match_matches_round\` (\`round_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_games\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`stage_id\` int UNSIGNED NOT NULL, \`parent_id\` int UNSIGNED NOT NULL, \`number\` smallint UNSIGNED NOT NULL, \`status\` tinyint UNSIGNED NOT NULL, \`opponent1\` json NULL, \`opponent2\` json NULL, INDEX \`idx_match_games_stage\` (\`stage_id\`), INDEX \`idx_match_games_parent\` (\`parent_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_swiss_pairings\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`round\` smallint UNSIGNED NOT NULL, \`board\` smallint UNSIGNED NOT NULL, \`first_id\` int UNSIGNED NOT NULL, \`second_id\` int UNSIGNED NULL, \`result\` enum ('1-0', '0-1', '1/2-1/2', '+-', '-+', '--', 'bye') NULL, \`bye_score\` decimal(3,1) NULL, \`manual\` tinyint NOT NULL DEFAULT 0, \`result_by\` int UNSIGNED NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_match_swiss_second\` (\`item_id\`, \`second_id\`), INDEX \`idx_match_swiss_first\` (\`item_id\`, \`first_id\`), UNIQUE INDEX \`uq_match_swiss_board\` (\`item_id\`, \`round\`, \`board\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_officials\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`match_id\` int UNSIGNED NULL, \`court\` varchar(100) NULL, \`assigned_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_match_officials_user\` (\`item_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`match_changes\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`target_id\` int UNSIGNED NULL, \`action\` enum ('draw', 'result', 'correction', 'reopen', 'close', 'pairing', 'pairing_override') NOT NULL, \`before\` json NULL, \`after\` json NULL, \`reason\` varchar(500) NULL, \`user_id\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_match_changes_item\` (\`item_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_match_changes_item\` ON \`match_changes\``);
    await queryRunner.query(`DROP TABLE \`match_changes\``);
    await queryRunner.query(`DROP INDEX \`idx_match_officials_user\` ON \`match_officials\``);
    await queryRunner.query(`DROP TABLE \`match_officials\``);
    await queryRunner.query(`DROP INDEX \`uq_match_swiss_board\` ON \`match_swiss_pairings\``);
    await queryRunner.query(`DROP INDEX \`idx_match_swiss_first\` ON \`match_swiss_pairings\``);
    await queryRunner.query(`DROP INDEX \`idx_match_swiss_second\` ON \`match_swiss_pairings\``);
    await queryRunner.query(`DROP TABLE \`match_swiss_pairings\``);
    await queryRunner.query(`DROP INDEX \`idx_match_games_parent\` ON \`match_games\``);
    await queryRunner.query(`DROP INDEX \`idx_match_games_stage\` ON \`match_games\``);
    await queryRunner.query(`DROP TABLE \`match_games\``);
    await queryRunner.query(`DROP INDEX \`idx_match_matches_round\` ON \`match_matches\``);
    await queryRunner.query(`DROP INDEX \`idx_match_matches_group\` ON \`match_matches\``);
    await queryRunner.query(`DROP INDEX \`idx_match_matches_stage\` ON \`match_matches\``);
    await queryRunner.query(`DROP INDEX \`idx_match_matches_item\` ON \`match_matches\``);
    await queryRunner.query(`DROP TABLE \`match_matches\``);
    await queryRunner.query(`DROP INDEX \`idx_match_rounds_group\` ON \`match_rounds\``);
    await queryRunner.query(`DROP INDEX \`idx_match_rounds_stage\` ON \`match_rounds\``);
    await queryRunner.query(`DROP TABLE \`match_rounds\``);
    await queryRunner.query(`DROP INDEX \`idx_match_groups_stage\` ON \`match_groups\``);
    await queryRunner.query(`DROP TABLE \`match_groups\``);
    await queryRunner.query(`DROP INDEX \`idx_match_stages_item\` ON \`match_stages\``);
    await queryRunner.query(`DROP TABLE \`match_stages\``);
    await queryRunner.query(`DROP INDEX \`uq_match_participants_entry\` ON \`match_participants\``);
    await queryRunner.query(`DROP INDEX \`uq_match_participants_seed\` ON \`match_participants\``);
    await queryRunner.query(`DROP TABLE \`match_participants\``);
    await queryRunner.query(`DROP INDEX \`uq_match_items_item\` ON \`match_items\``);
    await queryRunner.query(`DROP TABLE \`match_items\``);
  }
}
