# Targets that start the services the way their docs print them.
.PHONY: mongo couch wordpress kept

mongo:
	# expect: DV102:34
	docker run --name some-mongo -d mongo:tag

couch:
	# expect: DV102:65
	docker run -dit --name=couch -e=COUCHDB_USER=admin -p5984:5984 couchdb:tag

wordpress:
	# expect: DV102:20
	docker run ... -d wordpress:tag

kept:
	docker run -d --name kept-couch \
	  -v couch_data:/opt/couchdb/data \
	  couchdb:tag
	docker run -d -v "$$COUCH_VOLUME":/opt/couchdb/data couchdb:tag
	docker run -d --name express mongo-express:tag
