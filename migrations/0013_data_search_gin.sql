DROP INDEX "data_search_search_idx";--> statement-breakpoint
CREATE INDEX "data_search_search_idx" ON "data_search" USING gin ("search") WITH (fastupdate=false);