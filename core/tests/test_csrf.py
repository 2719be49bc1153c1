"""A form that fails the CSRF check keeps what the reader typed."""

import pytest

pytestmark = pytest.mark.django_db
