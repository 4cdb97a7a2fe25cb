"""Punitive compensation exact to the fen, and the CLI for deadlines and compensation."""
import json
from decimal import Decimal

import pytest

from app.core.dispute.compensation import compensation
from app.core.dispute.errors import DisputeError
from conftest import run_cli


@pytest.mark.parametrize("basis,price,loss,amount", [
    ("fraud", "399", None, "1197.00"),
    ("fraud", "399.00", None, "1197.00"),
    ("fraud", "100", None, "500.00"),            # 300 < 500
    ("fraud", "166.67", None, "500.01"),         # 3 x 166.67 = 500.01
    ("fraud", "0.01", None, "500.00"),
    ("fraud", "¥1,299.90", None, "3899.70"),
    ("food", "12.5", None, "1000.00"),
    ("food", "99.99", None, "1000.00"),          # 999.90 < 1000
    ("food", "100.01", None, "1000.10"),
    ("food", "150", "0", "1500.00"),
    ("food", "50", "800", "2400.00"),            # 3x the loss beats 10x the price
    ("food", "300", "800", "3000.00"),           # 10x the price beats 3x the loss
])
def test_amounts(basis, price, loss, amount):
    c = compensation(basis, price, loss)
    assert c.amount == Decimal(amount) and f"{c.amount:.2f}" == amount
    assert isinstance(c.amount, Decimal)


@pytest.mark.parametrize("price", ["0", "0.00", "-5", "abc", "1.005", "nan", "inf", "", "三百"])
def test_bad_prices_are_refused(price):
    with pytest.raises(DisputeError):
        compensation("fraud", price)


def test_bad_loss_and_basis_are_refused():
    with pytest.raises(DisputeError):
        compensation("food", "10", "-1")
    with pytest.raises(DisputeError):
        compensation("contract", "10")


def test_cli_compensation_json():
    r = run_cli("compensation", "--basis", "fraud", "--price", "399", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"basis": "fraud", "price": "399.00", "loss": None, "amount": "1197.00"}
    r = run_cli("compensation", "--basis", "food", "--price", "50", "--loss", "800", "--json")
    assert json.loads(r.stdout) == {"basis": "food", "price": "50.00", "loss": "800.00", "amount": "2400.00"}


def test_cli_compensation_refuses_zero_and_words():
    for price in ("0", "abc"):
        r = run_cli("compensation", "--basis", "fraud", "--price", price)
        assert r.returncode == 2 and r.stderr.strip() and "Traceback" not in r.stderr
    r = run_cli("--lang", "zh", "compensation", "--basis", "fraud", "--price", "0")
    assert "价款必须大于 0" in r.stderr


def test_cli_deadline_json_and_text():
    r = run_cli("deadline", "no_reason_return", "--from", "2025-09-28", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out == {"rule": "no_reason_return", "from": "2025-09-28", "due": "2025-10-09",
                   "basis": out["basis"], "estimated": False}
    assert "第二十五条" in out["basis"]
    r = run_cli("--lang", "zh", "deadline", "complaint_acceptance", "--from", "2025-09-26")
    assert r.returncode == 0 and "2025-10-13" in r.stdout and "第十四条" in r.stdout


def test_cli_deadline_refuses_impossible_dates_and_unknown_rules():
    r = run_cli("deadline", "limitation", "--from", "2025-02-30")
    assert r.returncode == 2 and "no such date" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("deadline", "nonsense", "--from", "2025-02-03")
    assert r.returncode == 2
