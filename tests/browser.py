"""A headless Chromium for the browser tests: Debian's chromium driven through chromedriver.

`make browser` installs both (`make test` depends on it). Where they are missing the browser
tests skip, except under CI=true, where they fail: CI must run them.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM_ARGUMENTS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,900",
)


def missing_browser(reason: str) -> None:
    """Skip the test for want of a browser, or fail it under CI=true."""
    message = f"{reason}: run `make browser` (as root: apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: the browser tests must run)")
    pytest.skip(message)


def chromium_binary() -> str | None:
    """Where Chromium is: /usr/bin/chromium on Debian, else whatever PATH offers."""
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))),
                None)


def start_chromium(profile: Path):
    """A Selenium driver of a fresh headless Chromium whose profile lives in ``profile``."""
    try:
        from selenium import webdriver
    except ImportError:
        missing_browser("selenium is not installed")
    driver_path, binary = shutil.which("chromedriver"), chromium_binary()
    if driver_path is None or binary is None:
        missing_browser("chromedriver or chromium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (*CHROMIUM_ARGUMENTS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(driver_path))


def browser_fixture(request: pytest.FixtureRequest):
    """The body of the ``browser`` fixture: a driver closed (and its profile removed) afterwards."""
    profile = Path(tempfile.mkdtemp(prefix="kg-chromium-"))
    request.addfinalizer(lambda: shutil.rmtree(profile, ignore_errors=True))
    driver = start_chromium(profile)
    request.addfinalizer(driver.quit)
    return driver
