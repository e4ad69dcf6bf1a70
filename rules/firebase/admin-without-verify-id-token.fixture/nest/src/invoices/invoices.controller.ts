import { Controller, Get, Post, Param, UseGuards } from '@nestjs/common';
import { OrdersService } from '../orders/orders.service';
import { SessionGuard } from './session.guard';

// The look-alike: the same service calls, but a guard runs before every method of the class.
@UseGuards(SessionGuard)
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly orders: OrdersService) {}

  // ok: firebase/admin-without-verify-id-token
  @Get()
  async all() {
    return this.orders.listAll();
  }

  // ok: firebase/admin-without-verify-id-token
  @Post(':id/rename')
  async rename(@Param('id') id: string) {
    await this.orders.rename(id, 'renamed');
  }
}

// A guard on the one method only.
@Controller('reports')
export class ReportsController {
  constructor(private readonly orders: OrdersService) {}

  // ok: firebase/admin-without-verify-id-token
  @UseGuards(SessionGuard)
  @Get()
  async summary() {
    return this.orders.listAll();
  }
}
