CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`gender` text,
	`birthday` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `box_office_entries` (
	`period` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`genre_code` text NOT NULL,
	`rank` integer NOT NULL,
	`performance_id` text NOT NULL,
	`title` text NOT NULL,
	`genre_name` text,
	`run_start` text,
	`run_end` text,
	`venue_hall_text` text,
	`area_name` text,
	`seat_count` integer,
	`show_count` integer,
	`poster_url` text,
	PRIMARY KEY(`period`, `end_date`, `genre_code`, `rank`)
);
--> statement-breakpoint
CREATE INDEX `box_office_performance_idx` ON `box_office_entries` (`performance_id`);--> statement-breakpoint
CREATE TABLE `booking_links` (
	`performance_id` text NOT NULL,
	`position` integer NOT NULL,
	`seller_name` text,
	`url` text NOT NULL,
	PRIMARY KEY(`performance_id`, `position`),
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `halls` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`name` text NOT NULL,
	`seat_scale` integer,
	`has_orchestra_pit` integer,
	`has_rehearsal_room` integer,
	`has_dressing_room` integer,
	`has_outdoor_stage` integer,
	`wheelchair_seats` integer,
	`stage_area` text,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `halls_venue_idx` ON `halls` (`venue_id`);--> statement-breakpoint
CREATE TABLE `performance_images` (
	`performance_id` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`source_url` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`source_hash` text,
	`source_bytes` integer,
	`width` integer,
	`height` integer,
	`variants` text DEFAULT '[]' NOT NULL,
	`placeholder` text,
	`error` text,
	`processed_at` integer,
	PRIMARY KEY(`performance_id`, `kind`, `position`),
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `performance_images_status_idx` ON `performance_images` (`status`);--> statement-breakpoint
CREATE TABLE `performance_people` (
	`performance_id` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`performance_id`, `role`, `position`),
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `performance_people_name_idx` ON `performance_people` (`name`);--> statement-breakpoint
CREATE TABLE `performances` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`state` text NOT NULL,
	`genre_code` text NOT NULL,
	`genre_name` text NOT NULL,
	`venue_id` text,
	`hall_id` text,
	`venue_name` text NOT NULL,
	`venue_hall_text` text,
	`area` text,
	`area_code` text,
	`runtime_text` text,
	`runtime_minutes` integer,
	`age_text` text,
	`age_minimum` integer,
	`cast_text` text,
	`cast` text DEFAULT '[]' NOT NULL,
	`crew_text` text,
	`crew` text DEFAULT '[]' NOT NULL,
	`producer_text` text,
	`production_company` text,
	`planning_company` text,
	`host` text,
	`organizer` text,
	`price_text` text,
	`price_tiers` text DEFAULT '[]' NOT NULL,
	`min_price` integer,
	`max_price` integer,
	`schedule_text` text,
	`schedule_slots` text DEFAULT '[]' NOT NULL,
	`synopsis` text,
	`poster_url` text,
	`is_open_run` integer,
	`is_child` integer,
	`is_visiting` integer,
	`is_daehakro` integer,
	`is_festival` integer,
	`is_musical_license` integer,
	`is_musical_create` integer,
	`kopis_registered_at` text,
	`kopis_updated_at` text,
	`detail_status` text DEFAULT 'list' NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `performances_genre_start_idx` ON `performances` (`genre_code`,`start_date`);--> statement-breakpoint
CREATE INDEX `performances_venue_idx` ON `performances` (`venue_id`);--> statement-breakpoint
CREATE INDEX `performances_end_idx` ON `performances` (`end_date`);--> statement-breakpoint
CREATE INDEX `performances_area_idx` ON `performances` (`area_code`);--> statement-breakpoint
CREATE INDEX `performances_detail_status_idx` ON `performances` (`detail_status`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`hall_count` integer,
	`facility_type` text,
	`opening_year` integer,
	`seat_scale` integer,
	`phone` text,
	`homepage` text,
	`address` text,
	`latitude` real,
	`longitude` real,
	`sido_name` text,
	`gugun_name` text,
	`area_code` text,
	`has_restaurant` integer,
	`has_cafe` integer,
	`has_store` integer,
	`has_kids_room` integer,
	`has_nursing_room` integer,
	`has_parking` integer,
	`barrier_free_parking` integer,
	`barrier_free_restroom` integer,
	`barrier_free_ramp` integer,
	`barrier_free_elevator` integer,
	`detail_status` text DEFAULT 'list' NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `venues_area_idx` ON `venues` (`area_code`);--> statement-breakpoint
CREATE TABLE `hashtag_answers` (
	`key` text PRIMARY KEY NOT NULL,
	`poster_hash` text NOT NULL,
	`text_hash` text NOT NULL,
	`model` text NOT NULL,
	`prompt_version` integer NOT NULL,
	`tags` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hashtags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vocabulary_version` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hashtags_name_unique` ON `hashtags` (`name`);--> statement-breakpoint
CREATE TABLE `performance_hashtags` (
	`performance_id` text NOT NULL,
	`hashtag_id` integer NOT NULL,
	`source` text NOT NULL,
	`answer_key` text,
	PRIMARY KEY(`performance_id`, `hashtag_id`),
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hashtag_id`) REFERENCES `hashtags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `performance_hashtags_tag_idx` ON `performance_hashtags` (`hashtag_id`);--> statement-breakpoint
CREATE TABLE `ingest_locks` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`acquired_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ingest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`status` text NOT NULL,
	`counts` text NOT NULL,
	`warnings` text NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `ingest_runs_status_started_idx` ON `ingest_runs` (`status`,`started_at`);--> statement-breakpoint
CREATE TABLE `favorites` (
	`user_id` text NOT NULL,
	`performance_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `performance_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `favorites_user_created_idx` ON `favorites` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `favorites_performance_idx` ON `favorites` (`performance_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`performance_id` text NOT NULL,
	`rating_halves` integer NOT NULL,
	`title` text,
	`body` text,
	`seen_on` text,
	`has_spoilers` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_rating_range" CHECK("reviews"."rating_halves" BETWEEN 1 AND 10)
);
--> statement-breakpoint
CREATE INDEX `reviews_performance_created_idx` ON `reviews` (`performance_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_user_created_idx` ON `reviews` (`user_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_user_performance_unique` ON `reviews` (`user_id`,`performance_id`);