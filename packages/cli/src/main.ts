#!/usr/bin/env node
console.log('nariz: under construction');
