\set n random(1, 100000)
insert into bench_reference_insert (stream_id, data) values ('bench/' || :n, '{"status":"onTrack","percentDone":10}');
