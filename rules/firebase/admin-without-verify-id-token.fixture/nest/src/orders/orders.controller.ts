import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { OrdersService } from './orders.service';

// No guard on the class or its methods, and none registered for the whole app.
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  // ruleid: firebase/admin-without-verify-id-token
  @Get()
  async everyOrder() {
    return this.orders.listAll();
  }

  // ruleid: firebase/admin-without-verify-id-token
  @Put(':orderId')
  async relabel(@Param('orderId') orderId: string, @Body() body: { label: string }) {
    await this.orders.rename(orderId, body.label);
    return { ok: true };
  }

  // ok: firebase/admin-without-verify-id-token
  @Get('health')
  health() {
    return { up: true };
  }
}
