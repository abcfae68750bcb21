"""One router per API resource; ``dirgraph.api.main.create_app`` includes them all."""
