"""`manage.py check --deploy` speaks up when tips would be stored unencrypted."""

from django.core import checks

from tips import crypto


def deploy_check_ids():
    return [message.id for message in checks.run_checks(include_deployment_checks=True)]


def test_deploy_check_warns_without_a_public_key(settings):
    settings.TIPS_PUBLIC_KEY = ""
    ids = deploy_check_ids()
    assert "tips.W001" in ids
    assert "tips.W001" not in [message.id for message in checks.run_checks()]


def test_deploy_check_refuses_a_malformed_public_key(settings):
    settings.TIPS_PUBLIC_KEY = "not-a-key"
    ids = deploy_check_ids()
    assert "tips.E001" in ids
    assert "tips.W001" not in ids


def test_deploy_check_is_quiet_with_a_public_key(settings):
    settings.TIPS_PUBLIC_KEY = crypto.generate_keypair()[1]
    ids = deploy_check_ids()
    assert "tips.W001" not in ids
    assert "tips.E001" not in ids
