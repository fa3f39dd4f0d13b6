#!/usr/bin/env bash
# Lists every DbContext of the portal: the host's own, then one per module that has tables.
cd "$(dirname "$0")/.."
echo PortalDbContext
grep -rhoE 'public sealed class [A-Za-z]+DbContext' modules/*/Data/*.cs | awk '{print $4}' | sort
