CREATE TABLE `box_office_fetches` (
	`period` text NOT NULL,
	`end_date` text NOT NULL,
	`genre_code` text NOT NULL,
	`entry_count` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`period`, `end_date`, `genre_code`)
);
