# A recipe with a quote that is never closed: make hands the line to the shell, which fails.
release:
# expect: DV020:8
	@echo "releasing $(VERSION)
	git tag v$(VERSION)
